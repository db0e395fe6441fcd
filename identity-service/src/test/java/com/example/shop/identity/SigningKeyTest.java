package com.example.shop.identity;

import java.security.KeyPairGenerator;
import java.util.Base64;

import com.nimbusds.jose.jwk.RSAKey;
import org.junit.jupiter.api.Test;

import org.springframework.core.io.ByteArrayResource;
import org.springframework.core.io.FileSystemResource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalStateException;

class SigningKeyTest {

	@Test
	void readsAPkcs8RsaKeyAndNamesItByItsThumbprint() throws Exception {
		RSAKey key = SigningKey.read(new FileSystemResource("../compose/identity/dev-only-signing-key.pem"));

		assertThat(key.isPrivate()).isTrue();
		assertThat(key.getKeyID()).isEqualTo(key.computeThumbprint().toString());
		assertThat(key.size()).isEqualTo(2048);
	}

	@Test
	void refusesAFileWithoutAPrivateKey() {
		assertThatIllegalStateException()
			.isThrownBy(() -> SigningKey.read(new ByteArrayResource("-----BEGIN PUBLIC KEY-----\n".getBytes())))
			.withMessageContaining("holds no PKCS#8 private key");
	}

	@Test
	void refusesAKeyTooShortForRs256() throws Exception {
		KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
		generator.initialize(1024);
		String pem = "-----BEGIN PRIVATE KEY-----\n"
				+ Base64.getMimeEncoder().encodeToString(generator.generateKeyPair().getPrivate().getEncoded())
				+ "\n-----END PRIVATE KEY-----\n";

		assertThatIllegalStateException().isThrownBy(() -> SigningKey.read(new ByteArrayResource(pem.getBytes())))
			.withMessageContaining("1024 bits");
	}

}
