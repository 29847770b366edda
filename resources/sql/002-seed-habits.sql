-- SPDX-License-Identifier: GPL-3.0-or-later
-- The built-in habit library, stored in English; the user may rename any
-- of them, and the stable key keeps their identity for history and merges.
INSERT INTO habits (uuid, key, label, hint, kind, position, active, created_at, updated_at) VALUES
 ('7f1f2a10-5b1e-4c1e-9a01-000000000001', 'listen', 'Listen',
  'Ask about their work and let them do most of the talking.', 'trust', 1, 1, '2026-01-01T00:00:00.000Z', '2026-01-01T00:00:00.000Z'),
 ('7f1f2a10-5b1e-4c1e-9a01-000000000002', 'transfer-authority', 'Transfer authority',
  'Hand over a decision along with the responsibility for it.', 'trust', 2, 1, '2026-01-01T00:00:00.000Z', '2026-01-01T00:00:00.000Z'),
 ('7f1f2a10-5b1e-4c1e-9a01-000000000003', 'explain-why', 'Explain the why',
  'Share the reason behind a request and the goal it serves.', 'trust', 3, 1, '2026-01-01T00:00:00.000Z', '2026-01-01T00:00:00.000Z'),
 ('7f1f2a10-5b1e-4c1e-9a01-000000000004', 'encourage-creativity', 'Encourage creativity',
  'Let them pick the approach and spot the risks themselves.', 'trust', 4, 0, '2026-01-01T00:00:00.000Z', '2026-01-01T00:00:00.000Z'),
 ('7f1f2a10-5b1e-4c1e-9a01-000000000005', 'big-picture', 'Connect to the big picture',
  'Show where their work lands in the product or strategy.', 'trust', 5, 0, '2026-01-01T00:00:00.000Z', '2026-01-01T00:00:00.000Z'),
 ('7f1f2a10-5b1e-4c1e-9a01-000000000006', 'recognise-work', 'Recognise the work',
  'Name one specific thing they did well.', 'trust', 6, 0, '2026-01-01T00:00:00.000Z', '2026-01-01T00:00:00.000Z'),
 ('7f1f2a10-5b1e-4c1e-9a01-000000000007', 'invest-growth', 'Invest in growth',
  'Talk about what they want to learn and where they want to go.', 'trust', 7, 0, '2026-01-01T00:00:00.000Z', '2026-01-01T00:00:00.000Z'),
 ('7f1f2a10-5b1e-4c1e-9a01-000000000008', 'show-empathy', 'Show empathy',
  'Ask how they are doing, as a person, and really hear the answer.', 'trust', 8, 0, '2026-01-01T00:00:00.000Z', '2026-01-01T00:00:00.000Z'),
 ('7f1f2a10-5b1e-4c1e-9a01-000000000009', 'clear-expectations', 'Set clear expectations',
  'Agree together what done looks like and when it is due.', 'structure', 9, 0, '2026-01-01T00:00:00.000Z', '2026-01-01T00:00:00.000Z'),
 ('7f1f2a10-5b1e-4c1e-9a01-00000000000a', 'review-progress', 'Review progress',
  'Look at status early and adjust the plan side by side.', 'structure', 10, 0, '2026-01-01T00:00:00.000Z', '2026-01-01T00:00:00.000Z'),
 ('7f1f2a10-5b1e-4c1e-9a01-00000000000b', 'follow-through', 'Follow through',
  'Close out what you promised at the last 1:1.', 'structure', 11, 0, '2026-01-01T00:00:00.000Z', '2026-01-01T00:00:00.000Z');
