/** Full-page navigation, in one place so tests can observe it (jsdom cannot navigate). */
export function navigateTo(url: string): void {
  window.location.assign(url);
}

export function reloadPage(): void {
  window.location.reload();
}
