import { loadSession } from "./session";

/** A refused request: the problem details' detail (or title) and its stable code. */
export class ApiError extends Error {
  constructor(message: string, readonly status: number, readonly code?: string) {
    super(message);
  }
}

export async function api<T>(method: string, path: string, body?: unknown, token?: string): Promise<T> {
  const bearer = token ?? loadSession()?.token;
  const headers: Record<string, string> = { accept: "application/json" };
  if (bearer) headers.authorization = `Bearer ${bearer}`;
  if (body !== undefined) headers["content-type"] = "application/json";
  const response = await fetch(path, { method, headers, body: body === undefined ? undefined : JSON.stringify(body) });
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
