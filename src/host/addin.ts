/**
 * The add-in as the documents it saves into know it: its manifest Id (Excel names the add-in by it in
 * the webextension part that holds its settings; test/manifest.test.ts holds it to manifest.xml) and
 * the name its check settings are saved under (Office's add-in setting, WPS's custom document property).
 */
export const ADDIN_ID = '6f1c2f5e-5a7d-4c1b-9a53-2b8e0f4d7c31';
export const SETTINGS_NAME = 'jixiao.config';
