/*
 * Stands in for office.js in the benchmark, in the task pane and the baseline page alike: Office is
 * ready at once, in Excel, and Excel has not answered the pane's first read yet when it becomes
 * interactive (so the measure is the page's own work, not a workbook's).
 */
/* global window */
(function () {
  'use strict';
  var EXCEL_API = [1, 17];
  function supported(name, version) {
    if (name !== 'ExcelApi') return false;
    var parts = String(version || '1.1')
      .split('.')
      .map(Number);
    return parts[0] < EXCEL_API[0] || (parts[0] === EXCEL_API[0] && (parts[1] || 0) <= EXCEL_API[1]);
  }
  var info = { host: 'Excel', platform: 'OfficeOnline' };
  window.Office = {
    HostType: { Excel: 'Excel' },
    PlatformType: { OfficeOnline: 'OfficeOnline' },
    context: {
      displayLanguage: 'zh-CN',
      requirements: { isSetSupported: supported },
    },
    onReady: function (callback) {
      var ready = Promise.resolve(info);
      if (typeof callback === 'function') ready.then(callback);
      return ready;
    },
  };
  window.Excel = {
    run: function () {
      return new Promise(function () {});
    },
  };
})();
