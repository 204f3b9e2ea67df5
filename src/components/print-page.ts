/** The whole-note page's print button: the browser's own print dialog, where "Save as PDF" is one of the printers. */
export function initPrintButton(): void {
  for (const button of document.querySelectorAll('.print-button')) button.addEventListener('click', () => print());
}
