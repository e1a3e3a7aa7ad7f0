/**
 * The add-in's task pane entry (taskpane.html). office.js is loaded locally by the page; outside
 * Office the pane says so instead of staying blank.
 */
import { mountPane } from './mount';

const container = document.getElementById('container');
if (container) {
  void mountPane(container).then((pane) => {
    // Excel gives a pane no reliable close event; pagehide is the best effort to remove our marks.
    // Marks that survive are swept by the next start (they are tagged).
    window.addEventListener('pagehide', () => void pane.checker?.dispose());
  });
}
