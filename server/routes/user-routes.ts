/**
 * /api/users: user management for admins while the server runs (the CLI's `user` commands refuse
 * to write under a running server). A new or replaced token is in the answer, once.
 */
import { Router } from 'express';
import { z } from 'zod';
import { RoleSchema } from '../../core/model';
import type { UserService } from '../auth/users';
import { parseWith } from '../http/validate';

const NewUser = z.object({ name: z.string().min(1).max(200), role: RoleSchema }).strict();

export function userRoutes(users: UserService): Router {
  const r = Router();

  r.get('/', async (_req, res) => {
    res.json({ users: await users.list() });
  });

  r.post('/', async (req, res) => {
    const body = parseWith(NewUser, req.body);
    const issued = await users.add(body.name, body.role);
    res.status(201).json(issued);
  });

  r.delete('/:name', async (req, res) => {
    await users.remove(req.params.name, { keepAdmin: true });
    res.status(204).end();
  });

  r.post('/:name/token', async (req, res) => {
    res.json(await users.rotate(req.params.name));
  });

  return r;
}
