/** The typed request function the stores use to talk to the background; injected so tests can fake it. */
import type { ProtocolMap, RuntimeLike } from '../messaging';
import { sendMessage } from '../messaging';

/** Request payload for a message type. */
export type RequestFor<K extends keyof ProtocolMap> = Parameters<ProtocolMap[K]>[0];
/** Response for a message type. */
export type ResponseFor<K extends keyof ProtocolMap> = Awaited<ReturnType<ProtocolMap[K]>>;

/** Send one typed request and get its typed answer (or a thrown Error). */
export type Send = <K extends keyof ProtocolMap>(type: K, data: RequestFor<K>) => Promise<ResponseFor<K>>;

/** A `Send` over runtime messaging (the real one; pages pass `browser.runtime`). */
export function sendOver(runtime: RuntimeLike): Send {
  return (type, data) => sendMessage(runtime, type, data);
}

/** The message of any thrown value. */
export function errorMessage(err: unknown): string {
  return err instanceof Error ? err.message : String(err);
}
