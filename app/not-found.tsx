import SiteNotFound from './(site)/not-found';
import SiteShell from './(site)/ui/SiteShell';

/** An unknown path (and proxy.ts's refusals): rendered under the root layout only, so it draws the shell itself. */
export default function NotFound() {
  return (
    <SiteShell>
      <SiteNotFound />
    </SiteShell>
  );
}
