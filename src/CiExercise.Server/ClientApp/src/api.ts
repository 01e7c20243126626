import { newKey } from "./keys";
import { loadSession } from "./session";

/** A refused request: the problem details' detail (or title) and its stable code. */
export class ApiError extends Error {
  constructor(message: string, readonly status: number, readonly code?: string) {
    super(message);
  }
}

export async function api<T>(method: string, path: string, body?: unknown, token?: string, extra?: Record<string, string>): Promise<T> {
  const headers = { ...headersFor(token, body === undefined ? undefined : "application/json"), ...extra };
  return read<T>(await fetch(path, { method, headers, body: body === undefined ? undefined : JSON.stringify(body) }));
}

/** The press was cancelled while its command waited for the network. */
export class CommandCancelled extends Error {}

/**
 * A controller's command: one Idempotency-Key per press, the same on every retry, so the server records it
 * once however often it arrives. Without an answer (no network, or a proxy that says the server is away)
 * it is tried again until the server answers or the person cancels; `waiting` says when it started waiting.
 * Not kept across a reload: a halt or jump sent minutes later would act on a state nobody sees any more.
 */
export async function command<T>(method: string, path: string, body: unknown, signal: AbortSignal, waiting: () => void): Promise<T> {
  const headers = { ...headersFor(undefined, body === undefined ? undefined : "application/json"), "idempotency-key": newKey() };
  const init = { method, headers, signal, body: body === undefined ? undefined : JSON.stringify(body) };
  for (let attempt = 0; ; attempt++) {
    try {
      const response = await fetch(path, init);
      if (!RETRY_STATUS.has(response.status)) return await read<T>(response);
    } catch (e) {
      if (signal.aborted) throw new CommandCancelled();
      if (!(e instanceof TypeError)) throw e;
    }
    waiting();
    await retryDelay(attempt, signal);
  }
}

/** What a proxy answers while the server behind it is down or restarting. */
const RETRY_STATUS = new Set([502, 503, 504]);

/** Backs off to five seconds between tries, and tries at once when the browser sees the network come back. */
function retryDelay(attempt: number, signal: AbortSignal): Promise<void> {
  return new Promise((resolve, reject) => {
    const done = () => {
      clearTimeout(timer);
      removeEventListener("online", done);
      signal.removeEventListener("abort", done);
      if (signal.aborted) reject(new CommandCancelled()); else resolve();
    };
    const timer = setTimeout(done, Math.min(500 * 2 ** attempt, 5000));
    addEventListener("online", done);
    signal.addEventListener("abort", done);
  });
}

/** Sends a file as the request body with the given media type and reads the answer like api(). */
export async function upload<T>(path: string, file: Blob, contentType: string): Promise<T> {
  return read<T>(await fetch(path, { method: "POST", headers: headersFor(undefined, contentType), body: file }));
}

/** A download needs the bearer header, so the file is fetched and handed to the browser under its name. */
export async function download(path: string, name: string): Promise<void> {
  const response = await fetch(path, { headers: headersFor() });
  if (!response.ok) return void (await read(response));
  const a = document.createElement("a");
  a.href = URL.createObjectURL(await response.blob());
  a.download = name;
  a.click();
  URL.revokeObjectURL(a.href);
}

function headersFor(token?: string, contentType?: string): Record<string, string> {
  const bearer = token ?? loadSession()?.token;
  const headers: Record<string, string> = { accept: "application/json" };
  if (bearer) headers.authorization = `Bearer ${bearer}`;
  if (contentType) headers["content-type"] = contentType;
  return headers;
}

async function read<T>(response: Response): Promise<T> {
  const type = response.headers.get("content-type") ?? "";
  const data = type.includes("json") ? await response.json() : await response.text();
  if (!response.ok) {
    const problem = typeof data === "object" && data ? data : {};
    const fields = problem.errors ? Object.values(problem.errors).flat().join(" ") : "";
    throw new ApiError(fields || problem.detail || problem.title || `${response.status} ${response.statusText}`, response.status, problem.code);
  }
  return data as T;
}

export const get = <T>(path: string) => api<T>("GET", path);
export const post = <T>(path: string, body?: unknown) => api<T>("POST", path, body ?? {});
