/** The hotline's mark: a handset on a blue tile (decorative; the title next to it names the page). */
export function HotlineLogo() {
  return (
    <svg className="logo" viewBox="0 0 32 32" width="40" height="40" aria-hidden="true" focusable="false">
      <rect width="32" height="32" rx="7" fill="currentColor" />
      <path
        d="M10 8c1.5-.6 2.7.3 3.3 1.9l.9 2.4c.4 1 .1 2.1-.7 2.8l-1 .8c.9 2 2.5 3.6 4.5 4.6l.8-1c.7-.8 1.8-1.1 2.8-.7l2.4.9c1.6.6 2.5 1.8 1.9 3.3-.8 2.1-2.9 3.3-5.1 2.9C13.4 24.8 7.2 18.6 6.1 12.4 5.7 10.3 7.9 8.8 10 8z"
        fill="#fff"
      />
    </svg>
  );
}
