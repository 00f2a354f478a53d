import { isIPv4, isIPv6 } from 'node:net';
import { isLoopbackAddress } from '../../services/network/loopback';

/**
 * Who is asking, for the local web chat's per-client bounds: the remote address, with every
 * loopback address (127.0.0.0/8, ::1) as one client, since anyone on the machine may use any of
 * them, and an IPv6 address as its /64 network, which one host can rotate through. The address
 * is the socket's own: no X-Forwarded-For, which anyone may write.
 */
export function clientOf(remoteAddress: string | undefined): string {
  if (!remoteAddress) return 'unknown';
  if (isLoopbackAddress(remoteAddress)) return 'loopback';
  const mapped = /^::ffff:(\d+\.\d+\.\d+\.\d+)$/i.exec(remoteAddress)?.[1];
  if (mapped && isIPv4(mapped)) return mapped;
  if (isIPv4(remoteAddress)) return remoteAddress;
  const address = remoteAddress.replace(/%.*$/, '');
  if (!isIPv6(address)) return 'unknown';
  return `${expandIPv6(address).slice(0, 4).join(':')}::/64`;
}

/** The eight groups of an IPv6 address, without leading zeros. */
function expandIPv6(address: string): string[] {
  const [head = '', tail] = address.toLowerCase().split('::');
  const groups = (part: string) => (part ? part.split(':') : []);
  const left = groups(head);
  const right = tail === undefined ? [] : groups(tail);
  // A trailing dotted IPv4 part stands for two groups.
  const width = [...left, ...right].reduce((sum, group) => sum + (group.includes('.') ? 2 : 1), 0);
  const middle = tail === undefined ? [] : Array.from({ length: 8 - width }, () => '0');
  return [...left, ...middle, ...right].map((group) => group.replace(/^0+(?=.)/, ''));
}
