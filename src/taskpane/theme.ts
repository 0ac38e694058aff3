/**
 * Fluent's theme chosen to match the Office theme the pane is shown in. The dark theme's colours are
 * loaded only for a dark Office (`loadTheme`, which the page awaits before it mounts the pane): most
 * panes are light, and both themes would weigh 2 KB more on the first load (SPEC §10).
 */

import { webLightTheme, type Theme } from '@fluentui/react-components';

/** Office's themes (Colorful, White, Dark Gray, Black) and the plain light/dark the preview asks for. */
export type PaneTheme = 'light' | 'dark' | 'colorful' | 'white' | 'darkGray' | 'black';

const isDark = (theme: PaneTheme | undefined): boolean =>
  theme === 'dark' || theme === 'darkGray' || theme === 'black';

let webDarkTheme: Theme | undefined;

/** Makes `fluentTheme(theme)` ready: fetches the dark theme the first time a dark one is asked for. */
export async function loadTheme(theme: PaneTheme | undefined): Promise<void> {
  if (isDark(theme) && !webDarkTheme) webDarkTheme = (await import('./darkTheme')).webDarkTheme;
}

/** The Fluent theme for `theme`; a dark one must have been loaded with `loadTheme` (light until then). */
export function fluentTheme(theme: PaneTheme | undefined): Theme {
  return isDark(theme) && webDarkTheme ? webDarkTheme : webLightTheme;
}

/** Relative luminance of a `#RGB`/`#RRGGBB` colour, or undefined when it is not one. */
function luminance(colour: string): number | undefined {
  let hex = colour.trim().replace(/^#/, '');
  if (/^[0-9a-f]{3}$/i.test(hex)) hex = hex.replace(/./g, (c) => c + c);
  if (!/^[0-9a-f]{6}$/i.test(hex)) return undefined;
  const [r, g, b] = [0, 2, 4].map((i) => {
    const c = parseInt(hex.slice(i, i + 2), 16) / 255;
    return c <= 0.03928 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4;
  });
  return 0.2126 * r + 0.7152 * g + 0.0722 * b;
}

/**
 * Office reports its theme as colours, not a name: the pane is dark when the body background Office
 * gives it is dark (Dark Gray, Black), light otherwise or when Office says nothing.
 */
export function themeFromOffice(officeTheme: { bodyBackgroundColor?: string } | undefined | null): PaneTheme {
  const l = officeTheme?.bodyBackgroundColor ? luminance(officeTheme.bodyBackgroundColor) : undefined;
  return l !== undefined && l < 0.2 ? 'dark' : 'light';
}
