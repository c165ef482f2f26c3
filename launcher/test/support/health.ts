export interface SystemHealthBody {
  readonly status: 'up' | 'down';
  readonly services: Record<
    string,
    {
      status: 'up' | 'down';
      instanceId?: string;
      checks?: Record<string, { status: string; detail?: string }>;
    }
  >;
}

/** GET /api/health, whatever its status code (503 still carries the report). */
export async function systemHealth(
  baseUrl: string,
  headers: Record<string, string> = {},
): Promise<{ status: number; body: SystemHealthBody; headers: Headers }> {
  const response = await fetch(`${baseUrl}/api/health`, { headers });
  return {
    status: response.status,
    body: (await response.json()) as SystemHealthBody,
    headers: response.headers,
  };
}

export const ALL_SERVICES = ['gateway', 'ingest', 'retrieval', 'llm', 'whmcs-sync'];
