/*
 * Loaded before the pane's bundle, in plain ES5 so that every webview can run it. Volume-licensed
 * Office 2016 and 2019 show add-ins in Internet Explorer 11 (Trident) or the old Edge (EdgeHTML),
 * which cannot run the pane's modern JavaScript: without this script the pane would stay blank. It
 * detects those webviews and says, in the clerk's language, what this Office lacks and what works
 * instead. Everything is written as text (no HTML from strings). It sets window.jixiaoOldWebview so
 * that the bundle, if it runs at all, leaves the message alone.
 */
(function () {
  var ua = (typeof navigator !== 'undefined' && navigator.userAgent) || '';
  var engine = /Trident\/|MSIE /.test(ua) ? 'Trident' : /\bEdge\/\d+/.test(ua) ? 'EdgeHTML' : null;
  if (!engine) return;
  window.jixiaoOldWebview = engine;

  var MESSAGES = {
    'zh-CN': {
      title: '这个版本的 Office 无法运行“绩效表检查”',
      body:
        engine === 'Trident'
          ? '这台电脑上的 Office 用 Internet Explorer 11 显示加载项（Office 2016、2019 批量授权版常见），它运行不了本加载项。'
          : '这台电脑上的 Office 用旧版 Edge（EdgeHTML）显示加载项（Office 2019 批量授权版常见），它运行不了本加载项。',
      instead: '可以改用：',
      options: ['Microsoft 365 或 Office 2021 及以后版本的 Excel（桌面版）；', 'Excel 网页版；', '命令行检查：jixiao check 表格.xlsx（同一个检查引擎，见使用说明）。'],
    },
    'en-US': {
      title: 'This version of Office cannot run “Check 附件2”',
      body:
        engine === 'Trident'
          ? 'Office on this computer shows add-ins in Internet Explorer 11 (common with volume-licensed Office 2016 and 2019), which cannot run this add-in.'
          : 'Office on this computer shows add-ins in the old Edge (EdgeHTML, common with volume-licensed Office 2019), which cannot run this add-in.',
      instead: 'What works instead:',
      options: ['Excel in Microsoft 365, or Office 2021 and later (desktop);', 'Excel on the web;', 'the command line: jixiao check 表格.xlsx (the same checks; see the README).'],
    },
  };

  function language() {
    var lang = '';
    try {
      if (window.Office && window.Office.context && window.Office.context.displayLanguage) lang = window.Office.context.displayLanguage;
    } catch (e) {
      lang = '';
    }
    if (!lang) lang = navigator.language || navigator.userLanguage || 'zh-CN';
    return /^zh/i.test(lang) ? 'zh-CN' : /^en/i.test(lang) ? 'en-US' : 'zh-CN';
  }

  function element(tag, text, style) {
    var el = document.createElement(tag);
    if (text) el.appendChild(document.createTextNode(text));
    if (style) el.style.cssText = style;
    return el;
  }

  function render() {
    var m = MESSAGES[language()];
    var old = document.getElementById('jixiao-old-webview');
    if (old && old.parentNode) old.parentNode.removeChild(old);
    var box = element('div', '', 'font-family: "Microsoft YaHei", "Segoe UI", sans-serif; font-size: 14px; line-height: 1.5; padding: 16px; color: #242424;');
    box.id = 'jixiao-old-webview';
    box.setAttribute('role', 'alert');
    box.setAttribute('lang', language());
    box.appendChild(element('h1', m.title, 'font-size: 16px; margin: 0 0 8px;'));
    box.appendChild(element('p', m.body, 'margin: 0 0 8px;'));
    box.appendChild(element('p', m.instead, 'margin: 0 0 4px;'));
    var list = element('ul', '', 'margin: 0; padding-left: 20px;');
    for (var i = 0; i < m.options.length; i++) list.appendChild(element('li', m.options[i]));
    box.appendChild(list);
    var container = document.getElementById('container');
    if (container) {
      while (container.firstChild) container.removeChild(container.firstChild);
      container.appendChild(box);
    } else document.body.appendChild(box);
  }

  function start() {
    render();
    // Office's display language is known once office.js is ready: say it again in that language.
    try {
      if (window.Office && typeof window.Office.onReady === 'function') window.Office.onReady(render);
    } catch (e) {
      // Office.js itself may not load here; the message stands in the browser's language.
    }
  }

  if (document.readyState === 'loading') document.addEventListener('DOMContentLoaded', start);
  else start();
})();
