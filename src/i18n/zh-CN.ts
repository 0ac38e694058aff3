/** 中文界面文字（默认）。Keys are shared with en-US.ts; a test checks both have the same keys. */
const zhCN = {
  app: {
    title: '绩效目标表助手',
  },
};
export default zhCN;
