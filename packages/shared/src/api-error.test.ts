import { describe, expect, it } from 'vitest';
import { apiErrorCodeForStatus, isApiErrorCode } from './api-error';
import { can, permissionsFor } from './permissions';

describe('API error codes', () => {
  it('names the listed statuses by their code, and others by their kind', () => {
    expect(apiErrorCodeForStatus(404)).toBe('not_found');
    expect(apiErrorCodeForStatus(422)).toBe('validation_failed');
    expect(apiErrorCodeForStatus(418)).toBe('bad_request');
    expect(apiErrorCodeForStatus(500)).toBe('internal_error');
    expect(apiErrorCodeForStatus(502)).toBe('service_unavailable');
  });

  it('knows its own codes only', () => {
    expect(isApiErrorCode('too_many_requests')).toBe(true);
    expect(isApiErrorCode('toString')).toBe(false);
    expect(isApiErrorCode('teapot')).toBe(false);
  });
});

describe('permissions', () => {
  it('gives administrators everything and agents only what they need to work', () => {
    expect(permissionsFor('administrator')).toContain('agents.manage');
    expect(permissionsFor('agent')).toEqual(expect.arrayContaining(['account.read', 'agents.read', 'conversations.manage']));
    expect(permissionsFor('agent')).not.toContain('inboxes.manage');
    expect(can('agent', 'dev_mailbox.read')).toBe(false);
  });
});
