import { loadSession } from "./session";

/** A refused request: the problem details' detail (or title) and its stable code. */
export class ApiError extends Error {
  constructor(message: string, readonly status: number, readonly code?: string) {
    super(message);
  }
}

export async function api<T>(method: string, path: string, body?: unknown, token?: string): Promise<T> {
  const headers = headersFor(token, body === undefined ? undefined : "application/json");
  return read<T>(await fetch(path, { method, headers, body: body === undefined ? undefined : JSON.stringify(body) }));
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
