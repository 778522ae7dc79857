import { Controller, Get, Header, Param, Res } from '@nestjs/common';
import { ApiExcludeController } from '@nestjs/swagger';
import type { Response } from 'express';
import { DomainError } from '../common/domain-error.js';
import { FeedbackService, type FeedbackLinkView } from './feedback.service.js';
import { Public } from '../api-keys/require-role.decorator.js';

const TOKEN = /^[A-Za-z0-9_-]{16,128}$/;

const escape = (s: string): string =>
  s.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]!);

function page(title: string, body: string): string {
  return `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
<title>${escape(title)}</title>
<style>body{font:16px/1.5 system-ui,sans-serif;max-width:32rem;margin:2rem auto;padding:0 1rem;color:#222}
fieldset{border:0;padding:0;display:flex;gap:.5rem}label{cursor:pointer}textarea{width:100%;min-height:6rem}
button{font-size:1rem;padding:.5rem 1.5rem}</style></head><body>${body}</body></html>`;
}

function form(token: string, v: FeedbackLinkView): string {
  const who = v.technicianName ? ` by ${escape(v.technicianName)}` : '';
  const stars = [1, 2, 3, 4, 5]
    .map((n) => `<label><input type="radio" name="rating" value="${n}" required> ${n}</label>`)
    .join('');
  return page(
    'How was our visit?',
    `<h1>How was our visit?</h1>
<p>The visit${who} on ${new Date(v.visitAt).toISOString().slice(0, 10)} to machine ${escape(v.deviceId)}.</p>
<form id="f"><p>1 very unhappy … 5 very happy</p><fieldset>${stars}</fieldset>
<p><label for="c">Anything to tell us?</label><br><textarea id="c" name="comment" maxlength="2000"></textarea></p>
<button>Send</button></form><p id="out" role="status"></p>
<script>
document.getElementById('f').addEventListener('submit', async (e) => {
  e.preventDefault();
  const data = new FormData(e.target);
  const res = await fetch('/api/v1/feedback/links/${token}', {
    method: 'POST', headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ rating: Number(data.get('rating')), comment: String(data.get('comment') || '') || undefined }),
  });
  const answer = await res.json();
  document.getElementById('out').textContent = res.ok ? 'Thank you: your rating is recorded.' : answer.message;
  if (res.ok) e.target.remove();
});
</script>`,
  );
}

/**
 * The page a customer's feedback link opens: the visit, five choices and a comment,
 * posted to the API (`POST /api/v1/feedback/links/{token}`). Not part of the API
 * document: it answers HTML.
 */
@ApiExcludeController()
// the customer has no API key: the single-use token in the path is the credential
@Public()
@Controller('feedback')
export class FeedbackPageController {
  constructor(private readonly feedback: FeedbackService) {}

  @Get(':token')
  @Header('content-type', 'text/html; charset=utf-8')
  @Header('cache-control', 'no-store')
  async show(@Param('token') token: string, @Res({ passthrough: true }) res: Response): Promise<string> {
    if (!TOKEN.test(token)) {
      res.status(404);
      return page('Link not found', '<h1>This link is not known</h1>');
    }
    try {
      const v = await this.feedback.linkView(token, Date.now());
      switch (v.status) {
        case 'open':
          return form(token, v);
        case 'answered':
          return page(
            'Thank you',
            `<h1>Thank you</h1><p>This visit was rated ${v.rating ?? ''} already.</p>`,
          );
        case 'expired':
          return page('Link expired', '<h1>This link has expired</h1>');
      }
    } catch (err) {
      if (!(err instanceof DomainError)) throw err;
      res.status(404);
      return page('Link not found', `<h1>This link is not known</h1><p>${escape(err.message)}</p>`);
    }
  }
}
