/** Fluent's dark theme, a chunk of its own: the pane loads it only when Office is dark (theme.ts). */

export { webDarkTheme } from '@fluentui/react-components';
