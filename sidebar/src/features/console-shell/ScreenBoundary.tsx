import { Component, Suspense, type ReactNode } from 'react';
import { reloadPage } from '../../lib/navigation';

interface BoundaryState {
  failed: boolean;
}

/**
 * Screens load lazily: while the chunk arrives a line says so, and if it cannot arrive (offline, or a release
 * replaced the files under an open page) the user is told to reload instead of facing a blank area.
 */
export class ScreenBoundary extends Component<{ children: ReactNode }, BoundaryState> {
  override state: BoundaryState = { failed: false };

  static getDerivedStateFromError(): BoundaryState {
    return { failed: true };
  }

  override render() {
    if (this.state.failed) {
      return (
        <section className="console-card" role="alert">
          <h2>页面没有加载成功</h2>
          <p>可能是网络中断，或系统刚刚更新。请刷新页面后重试。</p>
          <button type="button" className="button button-primary" onClick={reloadPage}>
            刷新页面
          </button>
        </section>
      );
    }
    return <Suspense fallback={<p className="console-loading">正在加载…</p>}>{this.props.children}</Suspense>;
  }
}
