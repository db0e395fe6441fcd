package com.example.shop.identity;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.interfaces.RSAPrivateCrtKey;
import java.security.interfaces.RSAPublicKey;
import java.security.spec.PKCS8EncodedKeySpec;
import java.security.spec.RSAPublicKeySpec;
import java.util.Base64;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.jwk.KeyUse;
import com.nimbusds.jose.jwk.RSAKey;

import org.springframework.core.io.Resource;

/**
 * The key pair that signs tokens, read from a PKCS#8 PEM file, such as
 * {@code openssl genpkey -algorithm RSA -pkeyopt rsa_keygen_bits:2048} writes. Its key id
 * is the key's RFC 7638 thumbprint, so every instance given the same key publishes the
 * same {@code kid}, and a new key gets a new one.
 */
final class SigningKey {

	private static final String BEGIN = "-----BEGIN PRIVATE KEY-----";

	private static final String END = "-----END PRIVATE KEY-----";

	private SigningKey() {
	}

	static RSAKey read(Resource pem) {
		String text;
		try {
			text = pem.getContentAsString(StandardCharsets.US_ASCII);
		}
		catch (IOException ex) {
			throw new UncheckedIOException("Cannot read the signing key from " + pem.getDescription(), ex);
		}
		int begin = text.indexOf(BEGIN);
		int end = text.indexOf(END);
		if (begin < 0 || end < begin) {
			throw new IllegalStateException(pem.getDescription()
					+ " holds no PKCS#8 private key (a \"BEGIN PRIVATE KEY\" block); create one with"
					+ " openssl genpkey -algorithm RSA -pkeyopt rsa_keygen_bits:2048");
		}
		byte[] der = Base64.getMimeDecoder().decode(text.substring(begin + BEGIN.length(), end));
		try {
			KeyFactory rsa = KeyFactory.getInstance("RSA");
			RSAPrivateCrtKey privateKey = (RSAPrivateCrtKey) rsa.generatePrivate(new PKCS8EncodedKeySpec(der));
			RSAPublicKey publicKey = (RSAPublicKey) rsa
				.generatePublic(new RSAPublicKeySpec(privateKey.getModulus(), privateKey.getPublicExponent()));
			if (publicKey.getModulus().bitLength() < 2048) {
				throw new IllegalStateException(pem.getDescription() + " is an RSA key of "
						+ publicKey.getModulus().bitLength() + " bits; RS256 needs at least 2048");
			}
			return new RSAKey.Builder(publicKey).privateKey(privateKey)
				.keyUse(KeyUse.SIGNATURE)
				.algorithm(JWSAlgorithm.RS256)
				.keyIDFromThumbprint()
				.build();
		}
		catch (GeneralSecurityException | ClassCastException | JOSEException ex) {
			throw new IllegalStateException(pem.getDescription() + " is not an RSA private key in PKCS#8 form", ex);
		}
	}

}
