/**
 * Security headers on every response, app and API, from helmet: the Content-Security-Policy the
 * client was built for (everything from here, no inline scripts, no remote anything, no framing),
 * nosniff, no referrer, and the cross-origin isolation headers. HSTS only when the public URL is
 * https, since a plain-http server on the office network must not tell browsers to insist on TLS.
 */
import helmet from 'helmet';
import type { RequestHandler } from 'express';

export function securityHeaders(publicUrl: URL | undefined): RequestHandler {
  return helmet({
    contentSecurityPolicy: {
      useDefaults: false,
      directives: {
        defaultSrc: ["'self'"],
        scriptSrc: ["'self'"],
        // ProseMirror sets style attributes on its nodes.
        styleSrc: ["'self'", "'unsafe-inline'"],
        imgSrc: ["'self'", 'data:', 'blob:'],
        connectSrc: ["'self'"],
        fontSrc: ["'self'"],
        objectSrc: ["'none'"],
        baseUri: ["'none'"],
        frameAncestors: ["'none'"],
        formAction: ["'self'"],
      },
    },
    strictTransportSecurity: publicUrl?.protocol === 'https:' ? { maxAge: 180 * 24 * 3600 } : false,
    xFrameOptions: { action: 'deny' },
    referrerPolicy: { policy: 'no-referrer' },
  });
}
