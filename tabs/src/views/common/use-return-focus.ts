import { useEffect, useState } from "react";

/**
 * For a dialog that is mounted to open it and unmounted to close it (all of ours): when it
 * closes, focus goes back to what had it when the dialog opened, as Fluent does only for a
 * DialogTrigger. Without it the removed dialog takes the focus with it to <body>: a keyboard
 * user starts over from the top, and the page stays aria-hidden until tabster's next pass
 * (its modalizer un-hides at once only the ancestors of a newly focused element).
 */
export const useReturnFocus = (): void => {
  // Read while rendering the opening dialog: Fluent's effect then moves focus into it.
  const [opener] = useState(() =>
    typeof document === "undefined" ? null : document.activeElement,
  );
  useEffect(
    () => () => {
      // Not when the opener left with the dialog (a view changed) or focus went elsewhere.
      if (!(opener instanceof HTMLElement) || !opener.isConnected) return;
      const focused = document.activeElement;
      if (focused === null || focused === document.body) opener.focus();
    },
    [opener],
  );
};
