/** English UI strings, used when Office's display language is English. Same keys as zh-CN.ts. */
const enUS = {
  app: {
    title: 'Performance Target Assistant',
  },
};
export default enUS;
