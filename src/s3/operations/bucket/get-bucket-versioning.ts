/**
 * GetBucketVersioning — GET /{bucket}?versioning. A bucket that never had versioning enabled
 * answers with an empty VersioningConfiguration, exactly as AWS does.
 */
import { xmlResponse } from '../../s3-response.ts';
import { S3_XMLNS, XML_DECLARATION, el, optionalEl } from '../../xml/xml-writer.ts';
import { bucketOf, type Handler } from '../handler-context.ts';

export const getBucketVersioning: Handler = async (ctx) => {
  const config = await ctx.deps.metadata.getBucketConfig(bucketOf(ctx).name, 'versioning');
  if (config === undefined) return xmlResponse(`${XML_DECLARATION}<VersioningConfiguration xmlns="${S3_XMLNS}"/>`);
  return xmlResponse(
    `${XML_DECLARATION}<VersioningConfiguration xmlns="${S3_XMLNS}">` +
      el('Status', config.status) +
      optionalEl('MfaDelete', config.mfaDelete) +
      '</VersioningConfiguration>',
  );
};
