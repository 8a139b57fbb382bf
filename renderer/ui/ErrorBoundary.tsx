import { Component, type ReactNode } from 'react';
import { translate, type Lang } from '../i18n';
import { errorReason } from '../platform/coded-error';

interface Props {
  lang: Lang;
  children: ReactNode;
}

/** Keeps one failing panel from taking the whole workstation down; shows the error and offers a reset. */
export class ErrorBoundary extends Component<Props, { error: Error | null }> {
  override state = { error: null as Error | null };
  static getDerivedStateFromError(error: Error) {
    return { error };
  }
  override componentDidCatch(error: Error) {
    console.warn('landpatrol: panel error', error);
  }
  override render() {
    if (!this.state.error) return this.props.children;
    return (
      <div className="panel-error" role="alert">
        <p>{translate(this.props.lang, 'error.panel', { message: errorReason(this.state.error, (k, p) => translate(this.props.lang, k, p)) })}</p>
        <button className="btn small" onClick={() => this.setState({ error: null })}>
          {translate(this.props.lang, 'error.reset')}
        </button>
      </div>
    );
  }
}
