// Fetch one track and print what Spotify's embed page says about it.
// Run: npx tsx examples/basic.ts [track id or URL]
import { AsyncSpotifyClient, NotFoundError } from 'spotify-scraper';

const value = process.argv[2] ?? 'https://open.spotify.com/track/4uLU6hMCjMI75M1A2tKUQC';
const client = new AsyncSpotifyClient();
try {
  const track = await client.getTrack(value);
  console.log(`${track.name} — ${track.artists.map((artist) => artist.name).join(', ')}`);
  console.log(`duration ${(track.durationMs / 1000).toFixed(0)} s, explicit: ${track.explicit}`);
  console.log(`preview: ${track.previewUrl ?? 'none'}`);
} catch (error) {
  if (error instanceof NotFoundError) console.error(`No such track: ${value}`);
  else throw error;
} finally {
  await client.close();
}
