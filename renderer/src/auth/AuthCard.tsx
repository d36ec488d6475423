/** The frame of the screens shown before the desk (set-up, sign-in, lock): the product name and one card. */
import type { ReactNode } from 'react';
import './auth.css';

export function AuthCard(props: { title: string; subtitle?: ReactNode; children: ReactNode; testId: string }) {
  return (
    <div className="auth-screen" data-testid={props.testId}>
      <div className="auth-card">
        <h1>医保综合柜员工作站</h1>
        <h2>{props.title}</h2>
        {props.subtitle && <p className="auth-subtitle">{props.subtitle}</p>}
        {props.children}
      </div>
    </div>
  );
}

/** Enter in a field moves to the next one instead of submitting the form (only the last field submits). */
export function enterMovesTo(next: () => void) {
  return (e: React.KeyboardEvent<HTMLInputElement>) => {
    if (e.key !== 'Enter' || e.nativeEvent.isComposing) return;
    e.preventDefault();
    next();
  };
}
