// `await using` (TypeScript 5.2+) closes the client when the block ends, even on error.
// Run: npx tsx examples/await-using.ts
import { AsyncSpotifyClient, RateLimit } from 'spotify-scraper';

async function main(): Promise<void> {
  await using client = new AsyncSpotifyClient({ rateLimit: new RateLimit({ perSecond: 1, burst: 2 }) });
  const playlist = await client.getPlaylist('37i9dQZF1DXcBWIGoYBM5M', { maxTracks: 10 });
  console.log(`${playlist.name}: ${playlist.tracks.length} items`);
  for (const { track } of playlist.tracks) console.log(`- ${track.name}`);
}

await main();
