/** Shown at `/` until the tabs are built (tabs/dist); the tabs arrive in a later issue. */
export const PLACEHOLDER_PAGE = `<!doctype html>
<html lang="en">
  <head>
    <meta charset="utf-8">
    <meta name="viewport" content="width=device-width, initial-scale=1">
    <title>Dealflow</title>
  </head>
  <body style="font-family: system-ui, sans-serif; margin: 3rem auto; max-width: 36rem">
    <h1>Dealflow is running</h1>
    <p>The API answers under <code>/api</code>. Check its <a href="/api/health">health</a>.</p>
    <p>The tabs are not built yet; this page takes their place.</p>
  </body>
</html>
`;
