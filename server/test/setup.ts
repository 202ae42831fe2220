// Tests never reach the internet: only loopback connections are allowed.
import { afterAll } from 'vitest';
import net from 'node:net';

const originalConnect = net.Socket.prototype.connect;
net.Socket.prototype.connect = function guardedConnect(this: net.Socket, ...args: unknown[]) {
  const options = args[0];
  const host =
    typeof options === 'object' && options !== null && 'host' in options
      ? String((options as { host?: unknown }).host ?? 'localhost')
      : typeof args[1] === 'string'
        ? args[1]
        : 'localhost';
  const isPath = typeof options === 'object' && options !== null && 'path' in options;
  if (!isPath && !['localhost', '127.0.0.1', '::1', '0.0.0.0'].includes(host)) {
    throw new Error(`Tests may not connect to ${host}: external network access is blocked`);
  }
  return (originalConnect as (...a: unknown[]) => net.Socket).apply(this, args);
} as typeof net.Socket.prototype.connect;

afterAll(() => {
  net.Socket.prototype.connect = originalConnect;
});
