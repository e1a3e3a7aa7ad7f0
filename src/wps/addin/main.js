/*
 * 绩效目标表助手 — the WPS 加载项's entry script (index.html loads it; WPS loads index.html when it
 * loads the add-in). Plain ES5 with global functions, as in the official templates (wpsjs,
 * packages/@wps-jsapi/et: ribbon.xml names OnAddinLoad, OnAction and GetImage; the task pane is
 * opened with Application.CreateTaskPane and its ID kept in Application.PluginStorage).
 * The 绩效表检查 button opens the pane, or shows and hides it once it exists.
 */
/* exported OnAddinLoad, OnAction, GetImage */
var JIXIAO_PANE_KEY = 'jixiao_taskpane_id';

/** The add-in's base URL: the folder index.html was loaded from (served, or the offline folder). */
function JixiaoBaseUrl() {
  var url = decodeURI(document.location.toString());
  return url.substring(0, url.lastIndexOf('/'));
}

function OnAddinLoad(ribbonUI) {
  if (typeof window.Application.ribbonUI !== 'object') window.Application.ribbonUI = ribbonUI;
  return true;
}

function OnAction(control) {
  if (control.Id !== 'jixiaoCheck') return true;
  var app = window.Application;
  var id = app.PluginStorage.getItem(JIXIAO_PANE_KEY);
  if (!id) {
    var pane = app.CreateTaskPane(JixiaoBaseUrl() + '/taskpane.html', '绩效表检查');
    app.PluginStorage.setItem(JIXIAO_PANE_KEY, pane.ID);
    pane.Visible = true;
  } else {
    var existing = app.GetTaskPane(id);
    existing.Visible = !existing.Visible;
  }
  return true;
}

function GetImage() {
  return 'assets/icon-80.png';
}
