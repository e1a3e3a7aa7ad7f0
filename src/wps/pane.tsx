/** The WPS task pane's entry (dist/wps/addin/taskpane.html), opened by the ribbon's 绩效表检查. */
import { mountWpsPane } from './mount';

const container = document.getElementById('container');
if (container) {
  void mountWpsPane(container).then((pane) => {
    // Marks left by a pane that could not clean up are swept by the next start (they are tagged).
    window.addEventListener('pagehide', () => void pane.checker?.dispose());
  });
}
