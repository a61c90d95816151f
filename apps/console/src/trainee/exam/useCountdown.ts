import { useEffect, useState } from 'react';

/**
 * How far the device's clock is behind the server's, measured when an answer of the server
 * arrived. Phones are often minutes off; the deadline is the server's, so the countdown must be too.
 */
export function clockOffsetMs(serverNow: string, receivedAt: number = Date.now()): number {
  return Date.parse(serverNow) - receivedAt;
}

const remainingMs = (deadlineAt: string | undefined, offsetMs: number) =>
  deadlineAt ? Math.max(0, Date.parse(deadlineAt) - (Date.now() + offsetMs)) : null;

/** Milliseconds left until `deadlineAt` by the server's clock, updated every second. */
export function useCountdown(deadlineAt: string | undefined, offsetMs: number): number | null {
  const [left, setLeft] = useState(() => remainingMs(deadlineAt, offsetMs));
  useEffect(() => {
    setLeft(remainingMs(deadlineAt, offsetMs));
    const timer = setInterval(() => setLeft(remainingMs(deadlineAt, offsetMs)), 1_000);
    return () => clearInterval(timer);
  }, [deadlineAt, offsetMs]);
  return left;
}

/** 1:05:09 or 05:09. */
export function formatRemaining(ms: number): string {
  const total = Math.ceil(ms / 1_000);
  const hours = Math.floor(total / 3_600);
  const minutes = Math.floor((total % 3_600) / 60);
  const seconds = total % 60;
  const two = (n: number) => String(n).padStart(2, '0');
  return hours > 0 ? `${hours}:${two(minutes)}:${two(seconds)}` : `${two(minutes)}:${two(seconds)}`;
}
