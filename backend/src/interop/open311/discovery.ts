import type { Config } from '../../platform/config/index.ts';
import type { Open311Record } from './format.ts';

/** When this endpoint's interface last changed (the update feed, extended statuses): clients re-read it after. */
export const ENDPOINT_CHANGESET = '2026-12-04T00:00:00Z';

/**
 * The spec's discovery document (https://wiki.open311.org/Service_Discovery): where the GeoReport v2
 * endpoint is, in which formats, and how to get an api_key.
 */
export function discoveryDocument(config: Pick<Config, 'publicUrl'>): Open311Record {
  return {
    changeset: ENDPOINT_CHANGESET,
    contact: `12345 热线管理员 / the hotline's administrators: ${config.publicUrl}`,
    key_service: 'api_key 由热线管理员签发（OPEN311_API_KEYS）/ issued by the hotline’s administrators; reading needs none',
    endpoints: [
      {
        specification: 'http://wiki.open311.org/GeoReport_v2',
        url: `${config.publicUrl}/open311/v2`,
        changeset: ENDPOINT_CHANGESET,
        type: 'production',
        formats: ['text/xml', 'application/json'],
      },
    ],
  };
}
