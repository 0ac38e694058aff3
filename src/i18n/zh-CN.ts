/** 中文界面文字（默认）, all of it. Keys are shared with en-US.ts; a test checks both have the same keys. */
import zhCNFirst from './zh-CN-first';
import zhCNViews from './zh-CN-views';

const zhCN = { ...zhCNFirst, ...zhCNViews };
export default zhCN;
