/** Saving a file from an extension page without the `downloads` permission: an <a download> click. */
export function downloadBlob(blob: Blob, fileName: string): void {
  const url = URL.createObjectURL(blob);
  const link = document.createElement('a');
  link.href = url;
  link.download = fileName;
  link.style.display = 'none';
  document.body.append(link);
  link.click();
  link.remove();
  // Revoking at once can cancel the download (Firefox reads the URL after click() returns).
  setTimeout(() => URL.revokeObjectURL(url), 60_000);
}
