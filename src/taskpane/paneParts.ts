/**
 * What the pane draws after its first paint: the status line (提交前检查), the notices, the view tabs
 * and the 问题 view with its 指标行. A chunk of its own, fetched once that paint is done (`parts.ts`):
 * the first paint draws the command bar and 正在读取工作簿… only (outside Excel, its explanation).
 */

export { NoticeBar } from './NoticeBar';
export { PaneNotices } from './PaneNotices';
export { StatusLine } from './StatusLine';
export { Workspace } from './Workspace';
