// Download a track's cover and its 30-second preview, tagged with title, artist and cover.
// Run: npx tsx examples/download.ts [track id or URL] [directory]
import { AsyncSpotifyClient, MediaError, NotFoundError } from 'spotify-scraper';

const value = process.argv[2] ?? '4uLU6hMCjMI75M1A2tKUQC';
const dest = process.argv[3] ?? 'downloads';

await using client = new AsyncSpotifyClient();
const track = await client.getTrack(value);
console.log('cover:', await client.downloadCover(track, dest));
try {
  console.log('preview:', await client.downloadPreview(track, dest, { embedCover: true }));
} catch (error) {
  // Not every track has a preview: that is a MediaError raised before any request. A preview the
  // page names but the media host no longer serves is a NotFoundError (HTTP 404).
  if (error instanceof MediaError || error instanceof NotFoundError) console.log('no preview:', error.message);
  else throw error;
}
