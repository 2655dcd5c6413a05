import type {
  HttpMethod,
  HttpRequest,
  HttpResponseInit,
  InvocationContext,
  Timer,
} from "@azure/functions";

/**
 * Every function is declared once as plain data plus a handler, then registered with the Azure
 * Functions host (`register-with-azure.ts`) and served by the local host (`host/`, through
 * `hosting.ts`).
 */
export type HttpFunctionDefinition = {
  name: string;
  trigger: "http";
  methods: readonly HttpMethod[];
  /** Azure route template without the `api/` prefix: `opportunities/{id}`, `files/{*path}`. */
  route: string;
  authLevel: "anonymous";
  /** Served at `/<route>` instead of `/api/<route>`: a public page such as the review form. */
  atSiteRoot?: boolean;
  handler(request: HttpRequest, context: InvocationContext): Promise<HttpResponseInit>;
};

export type TimerFunctionDefinition = {
  name: string;
  trigger: "timer";
  /** NCRONTAB with seconds: `{second} {minute} {hour} {day} {month} {day-of-week}`, in UTC. */
  schedule: string;
  runOnStartup?: boolean;
  handler(timer: Timer, context: InvocationContext): Promise<void>;
};

export type QueueFunctionDefinition = {
  name: string;
  trigger: "queue";
  queueName: string;
  /** The message as Azure's queue trigger hands it over: parsed JSON when it is JSON, else text. */
  handler(message: unknown, context: InvocationContext): Promise<void>;
};

export type FunctionDefinition =
  | HttpFunctionDefinition
  | TimerFunctionDefinition
  | QueueFunctionDefinition;

/** The app setting that holds the storage connection for queue triggers (Azure and local). */
export const QUEUE_CONNECTION_SETTING = "STORAGE_CONNECTION_STRING";
