/** Hands a downloaded file to the browser as a download named `name`. */
export const saveFile = (blob: Blob, name: string) => {
  const url = URL.createObjectURL(blob);
  const link = document.createElement("a");
  link.href = url;
  link.download = name;
  link.style.display = "none";
  document.body.append(link);
  link.click();
  link.remove();
  // Chromium may still be reading the blob right after the click: free it a minute later.
  setTimeout(() => URL.revokeObjectURL(url), 60_000);
};
