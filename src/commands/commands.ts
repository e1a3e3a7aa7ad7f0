/**
 * The ribbon's function file. The Home-tab button opens the task pane (ShowTaskpane in the
 * manifest), so there are no function commands: the page only has to initialise Office.
 */
import { whenOfficeReady } from '../adapter/host';

void whenOfficeReady();
