/** Where the app runs: our local host (`npm start`) or the Azure Functions host. */
export type AppRuntime = "local-host" | "functions-host";
