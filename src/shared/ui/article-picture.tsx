import type { ArticleImage } from '../../data/schema.ts';
import { strings } from '../strings.ar.ts';
import { useImageFailed } from './use-image-failed.ts';

export interface LeadPictureProps {
  image: ArticleImage;
}

/** Its box before it loads: the input's own size when given, else a 16:9 frame the picture is cropped to. */
const frame = (image: { width: number | null; height: number | null }) =>
  image.width !== null && image.height !== null ? 'h-auto' : 'aspect-[16/9] object-cover';

/** The article's lead picture under its headline: first on screen, so loaded at once and first. */
export function LeadPicture({ image }: LeadPictureProps) {
  const { ref, failed, onError } = useImageFailed();
  if (failed) return null;
  return (
    <figure className="mb-6 flex flex-col gap-2">
      <img
        ref={ref}
        src={image.src}
        alt={image.alt ?? ''}
        {...(image.width !== null && image.height !== null ? { width: image.width, height: image.height } : {})}
        fetchPriority="high"
        decoding="async"
        onError={onError}
        className={`w-full bg-neutral-200 dark:bg-neutral-800 ${frame(image)}`}
      />
      {(image.caption || image.credit) && (
        <figcaption className="flex flex-wrap gap-x-2 text-sm text-neutral-700 dark:text-neutral-300">
          {image.caption && <span dir="auto">{image.caption}</span>}
          {image.credit && (
            <span className="text-neutral-600 dark:text-neutral-400">
              {strings.picture.credit}: <span dir="auto">{image.credit}</span>
            </span>
          )}
        </figcaption>
      )}
    </figure>
  );
}

/**
 * How soon a card's picture loads: the first card's is likely the page's largest paint, so it comes first;
 * the rest of the first row at once; the others when they come near the screen.
 */
export type PictureLoad = 'first' | 'eager' | 'lazy';

export interface CardThumbnailProps {
  src: string;
  load: PictureLoad;
}

/** A card's picture: decorative beside the headline link that names the article, so `alt=""`. */
export function CardThumbnail({ src, load }: CardThumbnailProps) {
  const { ref, failed, onError } = useImageFailed();
  if (failed) return null;
  return (
    <img
      ref={ref}
      src={src}
      alt=""
      loading={load === 'lazy' ? 'lazy' : 'eager'}
      fetchPriority={load === 'first' ? 'high' : undefined}
      decoding="async"
      onError={onError}
      className="-mx-4 -mt-4 mb-1 aspect-[16/9] w-[calc(100%+2rem)] max-w-none bg-neutral-200 object-cover dark:bg-neutral-800"
    />
  );
}
