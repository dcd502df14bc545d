// Fetch many entities at once over one client: Promise.all, Promise.allSettled and the batch helper.
// Run: npx tsx examples/batch.ts
import { AsyncSpotifyClient, NotFoundError } from 'spotify-scraper';

const ids = ['4uLU6hMCjMI75M1A2tKUQC', '7ouMYWpwJ422jRcDASZB7P', '0000000000000000000000'];

const client = new AsyncSpotifyClient();
try {
  // Promise.all: mixed types in one batch; the rate limiter spaces the requests per host.
  const [track, album] = await Promise.all([
    client.getTrack('4uLU6hMCjMI75M1A2tKUQC'),
    client.getAlbum('6N9PS4QXF1D0OWPk0Sxtb4'),
  ]);
  console.log(track.name, '/', album.name);

  // Promise.allSettled: one failure does not lose the others.
  const settled = await Promise.allSettled(ids.map((id) => client.getTrack(id)));
  settled.forEach((result, index) => {
    if (result.status === 'fulfilled') console.log(ids[index], '->', result.value.name);
    else if (result.reason instanceof NotFoundError) console.log(ids[index], '-> not found');
    else console.log(ids[index], '-> error:', (result.reason as Error).message);
  });

  // The batch helper: bounded concurrency, progress, results in input order.
  const results = await client.getTracks(ids, {
    concurrency: 2,
    onProgress: ({ completed, total }) => console.error(`${completed}/${total}`),
  });
  for (const entry of results) console.log(entry.value, entry.ok ? entry.result.name : entry.error.name);
} finally {
  await client.close();
}
