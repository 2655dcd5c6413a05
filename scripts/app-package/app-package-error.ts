/** A reason `npm run package` refuses, worded for the person who ran it. */
export class AppPackageError extends Error {
  override name = "AppPackageError";
}
