import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { AuthGate } from './auth/AuthGate';
import { CitizenRatingScreen } from './features/rating/CitizenRatingScreen';
import { isCitizenScreen } from './features/rating/citizen-screen';
import './styles.css';

// The screen facing the citizen (好差评) is the same bundle at #/rate; it never shows the clerk's desk or sign-in.
createRoot(document.getElementById('root')!).render(<StrictMode>{isCitizenScreen(window.location.hash) ? <CitizenRatingScreen /> : <AuthGate />}</StrictMode>);
