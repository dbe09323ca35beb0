/**
 * The task pane's entry. Inside Excel, `Office.onReady` names the host: the pane runs on
 * Excel.run. Opened in a plain browser it resolves with host null: the preview host (a separate
 * chunk, never loaded inside Excel) runs the same pane against the Excel simulator.
 */
import { mountExcel } from './excelHost';

Office.onReady((info) => {
  performance.mark('kam-office-ready');
  const root = document.getElementById('root');
  if (!root) return;
  if (info.host) {
    mountExcel(root);
    return;
  }
  void import(/* webpackChunkName: "preview" */ '../preview/host/boot').then((m) => m.bootPreview(root));
});
