/** The pane follows the Office theme it is shown in. */

import { webDarkTheme, webLightTheme } from '@fluentui/react-components';
import { fluentTheme, loadTheme, themeFromOffice } from '../../src/taskpane/theme';

describe('theme', () => {
  it('is dark when Office draws a dark body, light otherwise', () => {
    expect(themeFromOffice({ bodyBackgroundColor: '#262626' })).toBe('dark');
    expect(themeFromOffice({ bodyBackgroundColor: '#000' })).toBe('dark');
    expect(themeFromOffice({ bodyBackgroundColor: '#FFFFFF' })).toBe('light');
    expect(themeFromOffice({ bodyBackgroundColor: '#E6E6E6' })).toBe('light');
    expect(themeFromOffice({ bodyBackgroundColor: 'not a colour' })).toBe('light');
    expect(themeFromOffice(undefined)).toBe('light');
  });

  it('maps Office theme names to Fluent themes, the dark one once loaded', async () => {
    expect(fluentTheme('colorful')).toBe(webLightTheme);
    await loadTheme('colorful');
    expect(fluentTheme('dark')).toBe(webLightTheme);
    await loadTheme('dark');
    expect(fluentTheme('dark')).toBe(webDarkTheme);
    expect(fluentTheme('black')).toBe(webDarkTheme);
    expect(fluentTheme('colorful')).toBe(webLightTheme);
    expect(fluentTheme(undefined)).toBe(webLightTheme);
  });
});
