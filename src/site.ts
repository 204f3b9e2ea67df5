/** What the whole site shares: its name and colours. */
export const SITE_NAME = '学习笔记';

export const THEME_COLORS = {
  light: '#fdfcf8',
  dark: '#16181d',
  brand: '#1f5f8b',
} as const;
