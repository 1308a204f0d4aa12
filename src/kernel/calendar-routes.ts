import { Type } from 'typebox';
import type { AppContext } from '../app/context.js';
import type { HttpApp } from '../http/types.js';

const DateString = Type.String({ pattern: '^\\d{4}-\\d{2}-\\d{2}$', description: 'YYYY-MM-DD' });

/** `GET /calendar/add-workdays` and `GET /calendar/workdays-between`. */
export function registerCalendarRoutes(app: HttpApp, ctx: AppContext): void {
  app.get(
    '/calendar/add-workdays',
    {
      schema: {
        tags: ['工作日'],
        summary: '某日之后第 N 个工作日（按国务院节假日安排）',
        querystring: Type.Object({ date: DateString, days: Type.Integer({ minimum: -3650, maximum: 3650 }) }),
        response: { 200: Type.Object({ date: DateString }) },
      },
    },
    async (request) => ({ date: ctx.calendar.addWorkdays(request.query.date, request.query.days) }),
  );
  app.get(
    '/calendar/workdays-between',
    {
      schema: {
        tags: ['工作日'],
        summary: '两日之间的工作日数（不含起始日，含结束日）',
        querystring: Type.Object({ from: DateString, to: DateString }),
        response: { 200: Type.Object({ days: Type.Integer() }) },
      },
    },
    async (request) => ({ days: ctx.calendar.workdaysBetween(request.query.from, request.query.to) }),
  );
}
